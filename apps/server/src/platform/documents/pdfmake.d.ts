// Minimal types for the parts of pdfmake 0.2 (server build) used by render-pdf.ts; the package ships none.

declare module 'pdfmake' {
  type FontFile = string | Buffer;
  export interface FontDescriptor {
    normal: FontFile;
    bold: FontFile;
    italics: FontFile;
    bolditalics: FontFile;
  }
  export interface PdfKitDocument extends NodeJS.EventEmitter {
    end(): void;
  }
  export default class PdfPrinter {
    constructor(fonts: Record<string, FontDescriptor>);
    createPdfKitDocument(
      docDefinition: Record<string, unknown>,
      options?: Record<string, unknown>,
    ): PdfKitDocument;
  }
}

declare module 'pdfmake/build/vfs_fonts.js' {
  /** Base64 TTF files by name (Roboto-Regular.ttf, Roboto-Medium.ttf, Roboto-Italic.ttf, Roboto-MediumItalic.ttf). */
  const vfs: Record<string, string>;
  export default vfs;
}
