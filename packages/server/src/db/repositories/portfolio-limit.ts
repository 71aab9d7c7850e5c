/** Most items a portfolio list returns, so that no page can ask for an unbounded read. */
export const MAX_PORTFOLIO = 1000;
