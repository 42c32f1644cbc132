/**
 * Timings the API document states for its clients, as plain numbers: the TV bundle imports them as values without
 * pulling in TypeBox and every schema of the contract (QrCodePanel's one import of the poll interval from
 * contract/index.ts put them all in the modern bundle: 231 KB gzip, over its 224 KB budget).
 */

/** How often the TV should poll a pending QR top-up, in seconds. */
export const TOPUP_POLL_SECONDS = 2
