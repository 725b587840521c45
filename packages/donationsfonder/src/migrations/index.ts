import { DonationsfonderInit1795976717643 } from "./1795976717643-DonationsfonderInit";
import { DonationsfonderPaidOnIndex1796622222820 } from "./1796622222820-DonationsfonderPaidOnIndex";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const donationsfonderMigrations: Function[] = [
  DonationsfonderInit1795976717643,
  DonationsfonderPaidOnIndex1796622222820,
];
