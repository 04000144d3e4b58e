/** Shared set-up for component tests under jsdom. */

/** jsdom has no canvas: a 2-D context that accepts the calls the views make. */
export function stubCanvas(): void {
  HTMLCanvasElement.prototype.getContext = function () {
    return {
      createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4), width: w, height: h }),
      putImageData: () => {}, clearRect: () => {}, fillRect: () => {}, fillStyle: '',
    } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
}
