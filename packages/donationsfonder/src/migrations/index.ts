import { DonationsfonderInit1795446976794 } from "./1795446976794-DonationsfonderInit";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const donationsfonderMigrations: Function[] = [DonationsfonderInit1795446976794];
