import { DonationsfonderInit1795976270117 } from "./1795976270117-DonationsfonderInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const donationsfonderMigrations: Function[] = [DonationsfonderInit1795976270117];
