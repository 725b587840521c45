import type { DataSource, EntityManager } from "typeorm";
import { kronorToOre, type LocalDate } from "@arbetsliv/core/values";
import { inTransaction } from "@arbetsliv/core/data";
import { AgreementContact } from "../agreement/agreement-contact.entity";
import { Agreement } from "../agreement/agreement.entity";
import { AgreementStatus as S, ContactRole, DecisionKind, PartySide } from "../agreement/agreement.enums";
import { BoardDecision } from "../agreement/board-decision.entity";
import { FundingBudget } from "../agreement/funding-budget.entity";
import { Partner } from "../agreement/partner.entity";
import { StatusChange } from "../agreement/status-change.entity";
import { Evaluation, EvaluationAnswer } from "../follow-up/evaluation.entity";
import { EvaluationQuestion, EvaluationTemplate } from "../follow-up/evaluation-template.entity";
import { AnswerType } from "../follow-up/follow-up.enums";
import { Amendment, AmendmentAmount } from "../money/amendment.entity";

/**
 * Demo data from the 2021 annual report of Arbetslivsnämndens (Borås) and the Kvinnojouren
 * papers in the same source (§ 125, IOP nr 2, Komplettering). Facts the source does not give
 * are marked INVENTED here and in the README (organisationsnummer except Kvinnojouren's, start
 * dates of the 2021 agreements, the template's questions, the date of the 2021 follow-up).
 * No money is invented: only Kvinnojouren's amounts are in the source.
 */
export const DEMO_ORGNR = {
  KVINNOJOUREN: "8645015200", // from the agreement
  IF_ELFSBORG: "8999001012", // INVENTED (valid Luhn, 8 = association)
  NORRBY_IF: "8999002010", // INVENTED
  VUXENSKOLAN: "8999003018", // INVENTED
  GULDKANTEN: "8999004016", // INVENTED
  BORAS_BASKET: "8999005013", // INVENTED
} as const;

/** The source only says these agreements were in force during 2021; their start is set to 2021-01-01 (INVENTED). */
const KNOWN_IN_FORCE_FROM: LocalDate = "2021-01-01";

const KVINNOJOUREN_TEXT = {
  purpose:
    "Främja delaktighet och lokal utveckling i Borås genom stabila, långsiktiga och ömsesidiga relationer mellan kommunen och Kvinno- och tjejjouren Borås; ge våldsutsatta stöd och skydd, minska våldet i samhället och verka för ett samhälle fritt från våld.",
  goals:
    "Genom samverkan skapa förutsättningar för ett långsiktigt arbete mot mäns våld mot kvinnor, våld i nära relation och hedersrelaterat våld och förtryck i Borås Stad.",
  services:
    "Skyddat boende med högt skalskydd och personal dygnet runt; ett rum för akutplacering dygnet runt på vardagar och helgdagar (akutplacering i två dygn, därefter biståndsbedömning av Relationsvåldsenheten). Servicetjänst (komplettering): praktiska insatser vid akuta placeringar såsom vårdkontakter, bankärenden, poliskontakter, inköp och transporter.",
  municipalityResponsibilities:
    "Kommunen har ansvar att tillgodose behovet av stöd och skydd enligt 2 kap 2 § SoL och att samordna insatserna enligt 5 kap 11 § SoL. Att en förening utför insatser enligt SoL fråntar inte förvaltningens ansvar för att insatserna är av god kvalitet.",
  partnerResponsibilities:
    "Eget ansvar enligt SoL för att insatserna håller god kvalitet; rapportering enligt lex Sarah (14 kap 3 § SoL) och orosanmälan (14 kap 1 § SoL); dokumentation enligt SOSFS 2014:5 och ledningssystem enligt SOSFS 2011:9; årlig kvalitetsbilaga med verksamhetsberättelsen.",
  cooperation:
    "Verksamhetschefen och representanter från Relationsvåldsenheten har dialog kring utvecklingen och följer upp akutplaceringar på skyddat boende två gånger om året. Utvecklingsarbetet sker i en gemensam arbetsgrupp.",
  renegotiation:
    "Parterna äger rätt att när som helst under perioden påkalla nya förhandlingar om villkoren. IOP förlängs med ytterligare en period om inte parterna säger upp avtalet senast nio månader före förfallodag.",
};

/** Loads the demo data in one transaction; does nothing when the module already holds data (restarts). */
export async function seedDemo(ds: DataSource): Promise<void> {
  await inTransaction(ds, async (manager) => {
    if ((await manager.count(Partner)) > 0 || (await manager.count(FundingBudget)) > 0) return;
    await seed(manager);
  });
}

async function seed(m: EntityManager): Promise<void> {
  const budget = async (code: string, name: string, description: string) =>
    (await m.save(m.create(FundingBudget, { code, name, description }))).id;
  const aln = await budget("ALN", "Arbetslivsnämnden", "The committee's own budget.");
  const shb = await budget(
    "SHB",
    "Socialt hållbart Borås",
    "City-wide funding for social sustainability; pays IF Elfsborg's En arena för alla.",
  );

  const template = await m.save(
    m.create(EvaluationTemplate, {
      name: "Utvärderingsmall IOP",
      description:
        "Shared template the responsible unit manager follows each IOP up with (questions INVENTED from the internal control's wording).",
    }),
  );
  const questionTexts: [string, AnswerType, boolean][] = [
    ["Utförs insatsen i enlighet med överenskommelsen och vad Arbetslivsnämnden beslutat om?", AnswerType.YES_NO, true],
    ["Har avvikelser upptäckts under perioden?", AnswerType.YES_NO, true],
    ["Kommentar från styrgruppen", AnswerType.TEXT, false],
  ];
  await m.insert(
    EvaluationQuestion,
    questionTexts.map(([text, answerType, required], i) => ({
      templateId: template.id,
      position: i + 1,
      text,
      answerType,
      required,
    })),
  );
  const questions = await m.find(EvaluationQuestion, {
    where: { templateId: template.id },
    order: { position: "ASC" },
  });

  const partner = async (name: string, organisationsnummer: string, extra: Partial<Partner> = {}) =>
    (await m.save(m.create(Partner, { name, organisationsnummer, city: "Borås", ...extra }))).id;
  const elfsborg = await partner("IF Elfsborg", DEMO_ORGNR.IF_ELFSBORG);
  const norrby = await partner("Norrby IF", DEMO_ORGNR.NORRBY_IF);
  const kvinnojouren = await partner("Kvinno- och tjejjouren Borås", DEMO_ORGNR.KVINNOJOUREN, {
    postalAddress: "Box 979",
    postalCode: "501 10",
    description:
      "Partipolitiskt och religiöst obunden förening (startad 1981, ansluten till riksförbundet Unizon) som arbetar mot alla former av våld; bedriver skyddat boende, öppen samtalsmottagning och jourverksamhet.",
  });
  const vuxenskolan = await partner("Studieförbundet Vuxenskolan", DEMO_ORGNR.VUXENSKOLAN);
  const guldkanten = await partner("Föreningen Guldkanten", DEMO_ORGNR.GULDKANTEN);
  const basket = await partner("Borås Basket", DEMO_ORGNR.BORAS_BASKET);

  const common = {
    number: null,
    predecessorId: null,
    purpose: null,
    goals: null,
    services: null,
    municipalityResponsibilities: null,
    partnerResponsibilities: null,
    cooperation: null,
    renegotiation: null,
    responsibleUnit: null,
    renewalTermMonths: null,
    noticeMonths: null,
    noticeGivenOn: null,
    noticeGivenBy: null,
    annualServiceFee: null,
    followUpIntervalMonths: 12,
    evaluationTemplateId: template.id,
    requiresActivityReport: false,
    requiresActivityPlan: false,
    requiresQualityAppendix: false,
    startDate: KNOWN_IN_FORCE_FROM,
  };
  const history: Partial<StatusChange>[] = [];
  const agreement = async (values: Partial<Agreement>, steps: [S, LocalDate, string | null][]) => {
    const saved = await m.save(m.create(Agreement, { ...common, ...values }));
    let from: S | null = null;
    for (const [to, effectiveDate, note] of steps) {
      history.push({
        agreementId: saved.id,
        fromStatus: from,
        toStatus: to,
        effectiveDate,
        changedBy: "demo-seed",
        note,
      });
      from = to;
    }
    return saved.id;
  };

  const ended2021 = (title: string, partnerId: number) =>
    agreement(
      { title, partnerId, fundingBudgetId: aln, endDate: "2021-12-31", status: S.EXPIRED, finalEndDate: "2021-12-31" },
      [
        [S.ACTIVE, KNOWN_IN_FORCE_FROM, "in force in 2021 (annual report 2021)"],
        [S.EXPIRED, "2021-12-31", "avslutas 2021-12-31 (internal control 2021)"],
      ],
    );
  const jobbTillsammans = await ended2021("Jobb Tillsammans", elfsborg);
  const norrbyForNorrby = await ended2021("Norrby för Norrby", norrby);

  const kvinnojouren2021 = await agreement(
    {
      title: "IOP med Kvinnojouren (2021)",
      partnerId: kvinnojouren,
      fundingBudgetId: aln,
      endDate: "2021-12-31",
      status: S.EXPIRED,
      finalEndDate: "2021-12-31",
      responsibleUnit: "Relationsvåldsenheten",
    },
    [
      [S.ACTIVE, KNOWN_IN_FORCE_FROM, "in force in 2021 (annual report 2021)"],
      [S.EXPIRED, "2021-12-31", "replaced by IOP nr 2 from 2022-01-01"],
    ],
  );

  const spira = await agreement(
    {
      title: "Spira",
      partnerId: vuxenskolan,
      fundingBudgetId: aln,
      purpose:
        "Gruppinsats med fokus på språkinlärning och samhällsinformation för kortutbildade språksvaga, aktuella hos försörjningsenheten.",
      goals:
        "Genom studier i svenska och samhällsinformation gå vidare till praktik eller utbildning och på sikt kunna försörja sig själva.",
      endDate: null,
      status: S.TERMINATED,
      finalEndDate: "2022-03-31",
    },
    [
      [S.ACTIVE, KNOWN_IN_FORCE_FROM, "in force in 2021 (annual report 2021)"],
      [S.WINDING_DOWN, "2022-01-01", "avvecklas första kvartalet år 2022"],
      [S.TERMINATED, "2022-03-31", "wound down by the end of the first quarter of 2022"],
    ],
  );

  const open = (title: string, partnerId: number, fundingBudgetId: number, purpose: string | null) =>
    agreement({ title, partnerId, fundingBudgetId, purpose, endDate: null, status: S.ACTIVE, finalEndDate: null }, [
      [S.ACTIVE, KNOWN_IN_FORCE_FROM, "in force in 2021 (annual report 2021); no end date in the source"],
    ]);
  const guldkantenIop = await open("IOP med Föreningen Guldkanten", guldkanten, aln, null);
  const funkis = await open(
    "Funkis till jobb",
    basket,
    aln,
    "Öppna upp för anställningar i näringslivet efter avslutad arbetsmarknadsinsats (används av Jobb Borås).",
  );
  const arena = await open(
    "En arena för alla",
    elfsborg,
    shb,
    "Stödjer Borås Stads gemensamma KAA-enhet (kommunens aktivitetsansvar, unga 16–20 år).",
  );

  const iop2 = await agreement(
    {
      ...KVINNOJOUREN_TEXT,
      number: "IOP nr 2",
      title: "Överenskommelse om idéburet offentligt partnerskap med Kvinnojouren Borås",
      partnerId: kvinnojouren,
      predecessorId: kvinnojouren2021,
      fundingBudgetId: aln,
      responsibleUnit: "Relationsvåldsenheten",
      startDate: "2022-01-01",
      endDate: "2024-12-31", // the signed agreement text (§ 125 says 2022-01-01–2022-12-31)
      renewalTermMonths: 12, // § 125: "automatisk förlängning med ett år"
      noticeMonths: 9,
      annualServiceFee: kronorToOre("550000"), // § 125 and the Komplettering decision
      followUpIntervalMonths: 6, // follow-up of acute placements twice a year
      requiresActivityReport: true,
      requiresActivityPlan: true,
      requiresQualityAppendix: true,
      status: S.ACTIVE,
      finalEndDate: null,
    },
    [
      [S.DRAFT, "2021-10-14", "upprättad överenskommelse"],
      [S.ACTIVE, "2021-10-14", "approved by Arbetslivsnämnden 2021-10-14 § 125"],
    ],
  );
  await m.insert(StatusChange, history);

  const approval = await m.save(
    m.create(BoardDecision, {
      agreementId: iop2,
      kind: DecisionKind.APPROVAL,
      diaryNumber: "ALN 2021-00102",
      paragraph: "§ 125",
      decisionDate: "2021-10-14",
      summary:
        "Arbetslivsnämnden beslutar godkänna upprättad överenskommelse om IOP med Kvinnojouren: fast servicekostnad 550 tkr/år; överenskommelsen gäller för ett år i taget från 1 januari 2022 till och med 31 december 2022, automatisk förlängning med ett år om den inte sägs upp senast 9 månader före att IOPn löper ut; utvärdering inför varje förlängning.",
      statedPeriodStart: "2022-01-01",
      statedPeriodEnd: "2022-12-31",
      statedRenewalMonths: 12,
      statedNoticeMonths: 9,
      statedAnnualFee: kronorToOre("550000"),
    }),
  );
  const supplement = await m.save(
    m.create(BoardDecision, {
      agreementId: iop2,
      kind: DecisionKind.AMENDMENT,
      diaryNumber: null,
      paragraph: null,
      decisionDate: null,
      summary:
        "Komplettering: Arbetslivsnämnden beslutar att Kvinno- och tjejjouren Borås erhåller 150 tkr 2022, utöver tidigare beslut på 550 tkr/år, för en servicetjänst vid akuta placeringar. Avgiften faktureras av Kvinno- och tjejjouren Borås.",
      statedPeriodStart: null,
      statedPeriodEnd: null,
      statedRenewalMonths: null,
      statedNoticeMonths: null,
      statedAnnualFee: null,
    }),
  );
  void approval;
  const amendment = await m.save(
    m.create(Amendment, {
      agreementId: iop2,
      title: "Komplettering — servicetjänst",
      description:
        "Praktiska insatser i samband med akuta placeringar: vårdkontakter, bankärenden, poliskontakter, inköp och transporter. 150 tkr för 2022.",
      boardDecisionId: supplement.id,
    }),
  );
  await m.insert(AmendmentAmount, [
    { amendmentId: amendment.id, agreementId: iop2, year: 2022, amount: kronorToOre("150000") },
  ]);

  await m.insert(AgreementContact, [
    {
      agreementId: iop2,
      side: PartySide.PARTNER,
      role: ContactRole.CONTACT_PERSON,
      title: "Verksamhetschef",
      name: null,
      unit: null,
      email: null,
      phone: null,
    },
    {
      agreementId: iop2,
      side: PartySide.MUNICIPALITY,
      role: ContactRole.CONTACT_PERSON,
      title: null,
      name: "Ida Wickström",
      unit: "Relationsvåldsenheten",
      email: null,
      phone: null,
    },
    {
      agreementId: iop2,
      side: PartySide.MUNICIPALITY,
      role: ContactRole.SIGNATORY,
      title: "Ordförande arbetslivsnämnden",
      name: null,
      unit: null,
      email: null,
      phone: null,
    },
    {
      agreementId: iop2,
      side: PartySide.PARTNER,
      role: ContactRole.SIGNATORY,
      title: "Ordförande Kvinnojouren Borås",
      name: null,
      unit: null,
      email: null,
      phone: null,
    },
  ]);

  // Internal control 2021: each IOP followed up with the template by its responsible unit manager; no deviations.
  const followedUp2021 = [jobbTillsammans, norrbyForNorrby, kvinnojouren2021, spira, guldkantenIop, funkis, arena];
  for (const agreementId of followedUp2021) {
    const evaluation = await m.save(
      m.create(Evaluation, {
        agreementId,
        templateId: template.id,
        periodStart: "2021-01-01",
        periodEnd: "2021-12-31",
        conductedOn: "2021-12-31", // INVENTED: the source gives the year, not the day
        conductedBy: "Ansvarig enhetschef (styrgruppen)",
        summary: "Intern kontroll 2021, externa utförare: inga avvikelser har hittats.",
      }),
    );
    await m.insert(EvaluationAnswer, [
      {
        evaluationId: evaluation.id,
        questionId: questions[0].id,
        textValue: null,
        numberValue: null,
        booleanValue: true,
      },
      {
        evaluationId: evaluation.id,
        questionId: questions[1].id,
        textValue: null,
        numberValue: null,
        booleanValue: false,
      },
    ]);
  }
}
