import { describe, expect, it } from "vitest";
import { compileCard, zoneFor } from "./compile";
import { SAMPLE_EXPRESS } from "./defaults/sample-china-cards";
import { isRemote } from "./postal";

const express = compileCard(SAMPLE_EXPRESS);

describe("zone lookup", () => {
  it.each([
    ["US", "US"],
    ["DE", "EU-GB"],
    ["GB", "EU-GB"],
    ["JP", "APAC-CA"],
    ["BR", "ROW"],
  ])("puts %s in zone %s", (country, zone) => {
    expect(zoneFor(express, country)?.zone.code).toBe(zone);
  });

  it("finds no zone when a card has no wildcard", () => {
    const noWildcard = compileCard({ ...SAMPLE_EXPRESS, zones: SAMPLE_EXPRESS.zones.filter((z) => z.code !== "ROW") });
    expect(zoneFor(noWildcard, "BR")).toBeNull();
  });
});

describe("remote postal ranges", () => {
  it.each([
    ["US", "99501", true], // Anchorage
    ["US", "99501-1234", true],
    ["US", "99499", false],
    ["US", "96813", true], // Honolulu
    ["US", "00601", true], // Puerto Rico
    ["US", "10001", false],
    ["GB", "HS1 2AB", true],
    ["GB", "ze1 0aa", true],
    ["GB", "KW15 1AA", true],
    ["GB", "KW17 2AB", true],
    ["GB", "KW1 6AB", false], // Caithness outward code KW1 is not Orkney
    ["GB", "SW1A 1AA", false],
    ["DE", "27498", true],
    ["DE", "10115", false],
    ["FR", "75001", false],
    ["US", "", false],
  ])("%s %s remote=%s", (country, code, expected) => {
    expect(isRemote(express.remote, country, code)).toBe(expected);
  });
});
