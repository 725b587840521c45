import { DonationsfonderInit1795449128622 } from "./1795449128622-DonationsfonderInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const donationsfonderMigrations: Function[] = [DonationsfonderInit1795449128622];
