import { donationsfonder } from "./donationsfonder";
import { ekonomisktBistand } from "./ekonomiskt-bistand";
import { iop } from "./iop";
import { relationsvald } from "./relationsvald";
import { synpunkter } from "./synpunkter";
import type { BenchDomain } from "./types";

/** Every domain the bench knows; a run uses those whose module the gateway registers. */
export const DOMAINS: BenchDomain[] = [synpunkter, donationsfonder, ekonomisktBistand, relationsvald, iop];
