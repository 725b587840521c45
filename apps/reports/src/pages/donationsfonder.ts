import { query } from "../api";
import { NO_VALUE } from "../format";
import { DonationReportPageDocument } from "../gql/graphql";
import { compareRow, comparisonColumns, type PageDef } from "../report";

export const donationsfonder: PageDef = {
  path: "/donationsfonder",
  navLabel: "Donationsfonder",
  title: "Donationsfonder",
  question:
    "Hur mycket delades ut ur de sociala donationsfonderna, i vilka omgångar och fonder, och hur många personer fick medel? (Omgångar räknas till perioden efter planerad utbetalningsdag.)",
  async load(period) {
    const { current: c, previous: p } = await query(DonationReportPageDocument, {
      from: period.current.from,
      to: period.current.to,
      previousFrom: period.previous.from,
      previousTo: period.previous.to,
    });
    // Funds in the published order of the first round that has them.
    const funds = [...new Map(c.rounds.flatMap((r) => r.funds.map((f) => [f.fundId, f.fundName] as const))).entries()];
    const fundValue = (roundIndex: number, fundId: string, key: "amountDistributed" | "personsReached") =>
      c.rounds[roundIndex].funds.find((f) => f.fundId === fundId)?.[key] ?? 0;
    return {
      empty: c.rounds.length === 0,
      minimumCount: c.disclosure.exact ? null : c.disclosure.minimumCount,
      sections: [
        {
          heading: "Utdelat och personer som fått medel",
          table: {
            id: "donationsfonder-nyckeltal",
            caption: `Donationsfonder ${period.current.label} jämfört med ${period.previous.label}`,
            rowHeader: "Mått",
            columns: [...comparisonColumns(period)],
            rows: [
              { ...compareRow("Totalt utdelat (kr)", c.amountDistributed, p.amountDistributed) },
              compareRow("Ansökningar", c.applications, p.applications),
              compareRow(
                "Personer som fått medel (summa över omgångarna)",
                c.personsReachedInRounds,
                p.personsReachedInRounds,
              ),
            ],
            note: `En person som fått medel i två omgångar räknas två gånger, som i årsredovisningen; olika personer: ${c.distinctPersonsReached ?? ".."}.`,
          },
        },
        {
          heading: "Omgångar",
          table: {
            id: "donationsfonder-omgangar",
            caption: `Utdelningsomgångar med planerad utbetalning ${period.current.label}`,
            rowHeader: "Omgång",
            columns: [
              { label: "Planerad utbetalning", kind: "text" },
              { label: "Ansökningar", kind: "count" },
              { label: "Beviljade", kind: "count" },
              { label: "Personer som fått medel", kind: "count" },
              { label: "Att fördela", kind: "kronor" },
              { label: "Utdelat", kind: "kronor" },
              { label: "Utbetalt", kind: "kronor" },
            ],
            rows: [
              ...c.rounds.map((r) => ({
                header: r.name,
                cells: [
                  r.plannedPayoutDate,
                  r.applications,
                  r.granted,
                  r.personsReached,
                  r.amountAvailable,
                  r.amountDistributed,
                  r.amountPaid,
                ],
              })),
              {
                header: "Totalt",
                total: true,
                cells: [
                  NO_VALUE,
                  c.applications,
                  NO_VALUE,
                  c.personsReachedInRounds,
                  NO_VALUE,
                  c.amountDistributed,
                  c.amountPaid,
                ],
              },
            ],
          },
        },
        {
          heading: "Utdelat per fond",
          table: {
            id: "donationsfonder-per-fond",
            caption: `Utdelat och personer per fond och omgång, ${period.current.label}`,
            rowHeader: "Fond",
            columns: c.rounds.flatMap((r) => [
              { label: `${r.name}: utdelat`, kind: "kronor" as const },
              { label: `${r.name}: personer`, kind: "count" as const },
            ]),
            rows: funds.map(([fundId, name]) => ({
              header: name,
              cells: c.rounds.flatMap((_, i) => [
                fundValue(i, fundId, "amountDistributed"),
                fundValue(i, fundId, "personsReached"),
              ]),
            })),
          },
          chart: {
            title: `Utdelat per fond och omgång, ${period.current.label}`,
            summary: "Liggande staplar med utdelat belopp per fond, en stapel per omgång.",
            categories: funds.map(([, name]) => name),
            series: c.rounds.map((r, i) => ({
              name: r.name,
              values: funds.map(([fundId]) => fundValue(i, fundId, "amountDistributed")),
            })),
            kind: "kronor",
            orientation: "horizontal",
          },
        },
      ],
    };
  },
};
