import { useEffect, useRef } from 'react';

/** Shows RGBA bytes as they are (a colour picture), scaled up by CSS. */
export function RgbCanvas({ rgba, width, height, label }: { rgba: Uint8ClampedArray; width: number; height: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    image.data.set(rgba);
    ctx.putImageData(image, 0, 0);
  }, [rgba, width, height]);
  return (
    <div className="heatmap" role="img" aria-label={label} style={{ aspectRatio: `${width} / ${height}` }}>
      <canvas ref={ref} width={width} height={height} />
    </div>
  );
}
