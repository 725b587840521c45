import { DonationsfonderInit1795445875539 } from "./1795445875539-DonationsfonderInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const donationsfonderMigrations: Function[] = [DonationsfonderInit1795445875539];
