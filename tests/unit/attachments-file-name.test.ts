import { describe, expect, it } from "vitest";

import { sanitizeFileName } from "@/lib/attachments/file-name";

describe("sanitizeFileName", () => {
  it("keeps a plain name and replaces the extension with the detected one", () => {
    expect(sanitizeFileName("Bukti Pembayaran.jpeg", "jpg")).toBe("Bukti Pembayaran.jpg");
    expect(sanitizeFileName("kuitansi.jpg", "pdf")).toBe("kuitansi.pdf");
  });

  it("drops folders, including Windows paths and traversal", () => {
    expect(sanitizeFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(sanitizeFileName("C:\\Users\\budi\\foto.png", "png")).toBe("foto.png");
  });

  it("removes control characters and right-to-left overrides that disguise a name", () => {
    expect(sanitizeFileName("invoice\u202Egpj.exe", "pdf")).toBe("invoicegpj.pdf");
    expect(sanitizeFileName("a\u0000b\nc.jpg", "jpg")).toBe("abc.jpg");
  });

  it("neutralises characters that mean something to headers and shells", () => {
    expect(sanitizeFileName('a"b;c<d>.png', "png")).toBe("a_b_c_d_.png");
  });

  it("falls back to a neutral name when nothing is left, and shortens long names", () => {
    expect(sanitizeFileName("", "jpg")).toBe("bukti.jpg");
    expect(sanitizeFileName("...", "jpg")).toBe("bukti.jpg");
    expect(sanitizeFileName(`${"x".repeat(300)}.jpg`, "jpg")).toBe(`${"x".repeat(100)}.jpg`);
  });
});
