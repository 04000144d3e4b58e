/** Shared set-up for component tests under jsdom. */

/** jsdom has no canvas: a 2-D context that accepts the calls the views make. */
export function stubCanvas(): void {
  HTMLCanvasElement.prototype.getContext = function () {
    return {
      // As in browsers: a zero or non-finite size throws (Chromium: "The source height is zero").
      createImageData: (w: number, h: number) => {
        if (!(w >= 1) || !(h >= 1)) throw new DOMException(`The source ${w >= 1 ? 'height' : 'width'} is zero or not a number.`, 'IndexSizeError');
        return { data: new Uint8ClampedArray(Math.floor(w) * Math.floor(h) * 4), width: w, height: h };
      },
      putImageData: () => {}, clearRect: () => {}, fillRect: () => {}, fillStyle: '',
    } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
}
