/**
 * Compile-time checks of the generated types, run by `pnpm typecheck` (tsc over test/), not by
 * jest: each @ts-expect-error fails the typecheck if the line it marks starts to compile.
 */
import {
  FeedbackStatisticsDocument,
  FeedbackItemsDocument,
  RegisterDonationApplicationDocument,
  request,
  type AssistanceHouseholdsQuery,
  type RequestOptions,
} from "../src";

export async function typeChecks(options: RequestOptions): Promise<void> {
  // Required variables are required, with the scalar's input type (Date: a string).
  // @ts-expect-error: from and to are required
  await request(FeedbackStatisticsDocument, {}, options);
  // @ts-expect-error: a Date is a "YYYY-MM-DD" string, not a Date object
  await request(FeedbackStatisticsDocument, { from: new Date(), to: "2026-12-31" }, options);

  // Paging variables are optional; the enum values are checked.
  await request(FeedbackItemsDocument, undefined, options);
  // @ts-expect-error: not a FeedbackStatus
  await request(FeedbackItemsDocument, { filter: { status: "OPEN" } }, options);

  // Money input: a decimal string or a whole number of kronor.
  const application = {
    roundId: "1",
    personnummer: "19850101-1239",
    householdSize: 2,
    resident: true,
    purposes: [],
    receivedDate: "2026-03-02",
  };
  await request(
    RegisterDonationApplicationDocument,
    { input: { ...application, amountRequested: "2500.00", yearlyIncome: 180000 } },
    options,
  );

  // Money output is a string: arithmetic on it does not compile.
  const rent = (null as unknown as AssistanceHouseholdsQuery).assistanceHouseholds.nodes[0].monthlyRent;
  // @ts-expect-error: Money is a string ("3532.00"), not a number
  const _sum: number = rent + 1;
}
