import { describe, expect, it } from "vitest";

import { abbreviateName, distinctShortLabels } from "@/app/(staff)/dasbor/statistik/_components/bar-labels";

describe("bar labels on a narrow chart", () => {
  const visitPermits = ["Izin Tinggal Kunjungan masa berlaku paling lama 7 hari", "Izin Tinggal Kunjungan masa berlaku paling lama 14 hari"];

  it("keeps a name that fits whole", () => {
    expect(distinctShortLabels(["Paspor", "Calo"], 30)).toEqual(["Paspor", "Calo"]);
  });

  it("cuts a long name that collides with none at its end", () => {
    expect(distinctShortLabels(["Layanan percepatan paspor selesai pada hari yang sama"], 20)).toEqual(["Layanan percepatan…"]);
  });

  it("never shortens two services that differ only at their end to the same label", () => {
    const labels = distinctShortLabels(visitPermits, 30);
    expect(new Set(labels).size).toBe(2);
    expect(labels[0]).toMatch(/7 hari$/);
    expect(labels[1]).toMatch(/14 hari$/);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(30);
  });

  it("tells apart the whole seeded family of visit permits at a 360 px phone's width", () => {
    const names = [7, 14, 30, 60, 90, 180].map((days) => `Izin Tinggal Kunjungan masa berlaku paling lama ${days} hari`);
    expect(new Set(distinctShortLabels(names, 28)).size).toBe(names.length);
  });

  it("writes the kept end after an ellipsis", () => {
    expect(abbreviateName("Izin Tinggal Kunjungan masa berlaku paling lama 14 hari", 24, 7)).toBe("Izin Tinggal Ku… 14 hari");
  });
});
