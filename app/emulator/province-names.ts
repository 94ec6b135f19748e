// Shopify fills MailingAddress.province (the name) from provinceCode when an address gives only the code; the
// emulator does the same for the countries whose subdivisions its sample addresses and tests use. Unknown codes
// keep province null rather than inventing a name. Source: ISO 3166-2 subdivision names.
const US: Record<string, string> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut", DE: "Delaware",
  DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois", IN: "Indiana", IA: "Iowa",
  KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland", MA: "Massachusetts", MI: "Michigan", MN: "Minnesota",
  MS: "Mississippi", MO: "Missouri", MT: "Montana", NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey",
  NM: "New Mexico", NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon",
  PA: "Pennsylvania", RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah",
  VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming", PR: "Puerto Rico",
};
const OTHERS: Record<string, Record<string, string>> = {
  CA: { AB: "Alberta", BC: "British Columbia", MB: "Manitoba", NB: "New Brunswick", NL: "Newfoundland and Labrador", NS: "Nova Scotia",
    ON: "Ontario", PE: "Prince Edward Island", QC: "Quebec", SK: "Saskatchewan", NT: "Northwest Territories", NU: "Nunavut", YT: "Yukon" },
  AU: { NSW: "New South Wales", VIC: "Victoria", QLD: "Queensland", WA: "Western Australia", SA: "South Australia", TAS: "Tasmania",
    ACT: "Australian Capital Territory", NT: "Northern Territory" },
  JP: { "13": "Tokyo" }, CN: { SH: "Shanghai", GD: "Guangdong", ZJ: "Zhejiang", BJ: "Beijing" }, BR: { SP: "São Paulo" },
  MX: { CMX: "Ciudad de México" }, IT: { RM: "Roma" }, NZ: { AUK: "Auckland" }, ZA: { WC: "Western Cape" },
};

export function provinceName(countryCode: string, provinceCode: string | null | undefined): string | null {
  if (!provinceCode) return null;
  const table = countryCode === "US" ? US : OTHERS[countryCode];
  return table?.[provinceCode.toUpperCase()] ?? null;
}
