import { describe, expect, it } from "vitest";

import { caretAfterFormatting, formatAmountAsTyped } from "@/lib/fees/amount-typing";
import { rupiahAmount } from "@/lib/admin/reference-form";
import { parseRupiahAmount } from "@/lib/reports/limits";

describe("an amount formatted as it is typed", () => {
  it("groups the thousands with dots at every keystroke", () => {
    const keystrokes = ["1", "15", "155", "1.5550", "15.5500", "155.5000"];
    expect(keystrokes.map(formatAmountAsTyped)).toEqual(["1", "15", "155", "15.550", "155.500", "1.555.000"]);
    expect(formatAmountAsTyped("1550000")).toBe("1.550.000");
  });

  it("reads a pasted amount in any of the ways people write it", () => {
    expect(formatAmountAsTyped("Rp 1.550.000")).toBe("1.550.000");
    expect(formatAmountAsTyped("Rp1550000")).toBe("1.550.000");
    expect(formatAmountAsTyped("1,550,000")).toBe("1.550.000");
    expect(formatAmountAsTyped("1 550 000")).toBe("1.550.000");
    expect(formatAmountAsTyped("007")).toBe("7");
  });

  it("leaves text that is not a whole amount as typed, for the server to explain", () => {
    for (const typed of ["1.500.000,00", "150.000,-", "1,5", "satu juta", "12a"]) expect(formatAmountAsTyped(typed)).toBe(typed);
    expect(formatAmountAsTyped("")).toBe("");
  });

  it("formats only into what both servers accept, as the same amount", () => {
    for (const typed of ["1550000", "Rp 1.550.000", "1,550,000", "999"]) {
      const shown = formatAmountAsTyped(typed);
      expect(parseRupiahAmount(shown)).toEqual(parseRupiahAmount(typed));
      expect(parseRupiahAmount(shown)).toHaveProperty("amount");
      expect({ amount: rupiahAmount.parse(shown) }).toEqual(parseRupiahAmount(typed));
    }
  });

  it("keeps the caret behind the digit just typed", () => {
    // "1.550.00|" + "0" typed → "1.550.000|"
    expect(caretAfterFormatting("1.550.000", 9, "1.550.000")).toBe(9);
    // "155|000" after typing "5" into "15|000": 3 digits before the caret → after "155" in "155.000"
    expect(caretAfterFormatting("155000", 3, "155.000")).toBe(3);
    // "1|5500" → "15.500": the caret stays behind the "1"
    expect(caretAfterFormatting("15500", 1, "15.500")).toBe(1);
    // typing the 4th digit at the end: "1550|" → "1.550|"
    expect(caretAfterFormatting("1550", 4, "1.550")).toBe(5);
  });
});
