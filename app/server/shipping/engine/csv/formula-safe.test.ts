import { describe, expect, it } from "vitest";
import { SAMPLE_CARDS } from "../defaults/default-context";
import { formulaSafeCsv } from "./formula-safe";
import { parseRateCardCsv } from "./parse-rate-card-csv";
import { serializeRateCardCsv } from "./serialize-rate-card-csv";

const withName = (name: string) => serializeRateCardCsv(SAMPLE_CARDS[0]!).replace(/^card,name,.*$/m, `card,name,${name}`);

describe("rate-card CSV download", () => {
  it("neutralises every cell a spreadsheet would run as a formula (= + - @)", () => {
    for (const attack of [`"=HYPERLINK(""https://evil.example"",""click"")"`, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", ` "=1+1"`]) {
      const line = formulaSafeCsv(withName(attack)).split("\n").find((l) => l.startsWith("card,name,"))!;
      const cell = line.slice("card,name,".length).replace(/^"/, "");
      expect({ attack, startsWithApostrophe: cell.startsWith("'") }).toEqual({ attack, startsWithApostrophe: true });
    }
  });

  it("leaves a card without formula cells byte for byte, and a neutralised card re-uploads to the same card", () => {
    const plain = serializeRateCardCsv(SAMPLE_CARDS[0]!);
    expect(formulaSafeCsv(plain)).toBe(plain);
    const original = parseRateCardCsv(withName(`"=Express, duties included"`));
    const roundTrip = parseRateCardCsv(formulaSafeCsv(withName(`"=Express, duties included"`)));
    expect(original.ok && roundTrip.ok).toBe(true);
    if (original.ok && roundTrip.ok) expect(roundTrip.card).toEqual(original.card);
  });
});
