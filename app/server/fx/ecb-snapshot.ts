// A dated copy of the ECB euro foreign exchange reference rates, bundled so conversion works offline and
// before the first daily fetch. Refresh it from the ECB daily file when cutting a release.
export const BUNDLED_ECB_SNAPSHOT = {
  source: "ecb-bundled" as const,
  effectiveDate: "2026-11-20",
  rates: {
    USD: 1.0565, JPY: 163.42, BGN: 1.9558, CZK: 24.318, DKK: 7.4598, GBP: 0.83745, HUF: 395.63, PLN: 4.2405,
    RON: 4.9762, SEK: 11.2345, CHF: 0.9342, ISK: 146.3, NOK: 11.6875, TRY: 44.731, AUD: 1.6298, BRL: 5.8427,
    CAD: 1.4781, CNY: 7.5204, HKD: 8.2212, IDR: 17663.5, ILS: 3.8952, INR: 89.247, KRW: 1528.61, MXN: 19.8734,
    MYR: 4.4285, NZD: 1.8142, PHP: 61.903, SGD: 1.3906, THB: 35.842, ZAR: 18.9841,
  } as Record<string, number>,
};
