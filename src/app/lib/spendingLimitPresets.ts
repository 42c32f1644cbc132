/** The limits a household can pick with a few presses (fen); null = no limit. 0 blocks every order. */
export const LIMIT_PRESETS: (number | null)[] = [null, 0, 3000, 5000, 10000, 20000, 50000]
