import type { ResponseBureau } from '../types';

/** 連名公表: how far the bureaus announcing a response together have agreed. */
export function signatureProgress(bureaus: readonly ResponseBureau[]) {
  const signed = bureaus.filter((bureau) => bureau.hasSigned);
  const waiting = bureaus.filter((bureau) => !bureau.hasSigned);
  return {
    signedCount: signed.length,
    total: bureaus.length,
    signed,
    waiting,
    isComplete: waiting.length === 0,
  };
}

/** The waiting bureaus the reader may sign for, in the order shown. */
export function signableBureaus(
  bureaus: readonly ResponseBureau[],
  signableOrgUnitIds: readonly string[],
): ResponseBureau[] {
  return bureaus.filter((bureau) => !bureau.hasSigned && signableOrgUnitIds.includes(bureau.id));
}
