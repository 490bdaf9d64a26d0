// The part of png-js's API the PDF images use (the package ships no types).
declare module 'png-js' {
  class PNG {
    constructor(data: Uint8Array);
    width: number;
    height: number;
    bits: number;
    colors: number;
    hasAlphaChannel: boolean;
    interlaceMethod: number;
    palette: number[];
    transparency: { indexed?: number[]; grayscale?: number; rgb?: number[] };
    /** The pixels as RGBA, 8 bits a channel. */
    decode(callback: (pixels: Uint8Array) => void): void;
  }
  export = PNG;
}
