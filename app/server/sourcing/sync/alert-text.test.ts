import { describe, expect, it } from "vitest";
import { alertText, storedAlert } from "./alert-text";

describe("sync alert texts", () => {
  it("round-trips a catalog message with its values", () => {
    expect(alertText(storedAlert("common:syncAlert.marginBreach", { landed: "12.07 USD", floor: 30, price: "12.99 USD" })))
      .toEqual({ key: "common:syncAlert.marginBreach", values: { landed: "12.07 USD", floor: 30, price: "12.99 USD" } });
  });

  it("shows an alert stored before messages were keyed as the sentence it is", () => {
    for (const old of ["Out of stock at the supplier.", "{not json", '{"values":{}}']) {
      expect(alertText(old)).toEqual({ key: "common:syncAlert.asWritten", values: { text: old } });
    }
  });
});
