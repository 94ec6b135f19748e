/** Test fixtures: a small contracted card in the upload format, with overrides. Not imported by production code. */
export function buildRateCardCsv(overrides: { code?: string; name?: string; usBand?: string; extra?: string } = {}): string {
  return [
    `card,code,${overrides.code ?? "ACME-LINE"}`,
    `card,name,${overrides.name ?? "Acme Line"}`,
    "card,currency,USD",
    "card,incoterm,DDU",
    "card,origins,CN",
    "card,volumetric_divisor,8000",
    "card,step_g,10",
    "card,max_g,20000",
    "card,handling_days,1",
    "card,cutoff,15:00",
    "zone,US,US",
    "transit,US,China → US,8,14",
    overrides.usBand ?? "band,US,0,20000,3.00,9.50",
    overrides.extra ?? "",
  ].join("\n");
}
