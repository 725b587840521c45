import { DonationsfonderInit1795976717643 } from "./1795976717643-DonationsfonderInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const donationsfonderMigrations: Function[] = [DonationsfonderInit1795976717643];
