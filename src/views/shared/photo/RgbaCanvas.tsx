import { useEffect, useRef } from 'react';

export interface RgbaCanvasProps {
  /** width × height × 4 bytes. */
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  /** Accessible name; omit for a decorative picture. */
  label?: string | undefined;
  /** A rectangle outlined on top, in pixels of the picture. */
  outline?: { top: number; left: number; size: number } | undefined;
  className?: string | undefined;
}

/** An RGBA picture drawn at its own resolution and scaled by CSS (pixelated), with an optional outline. */
export function RgbaCanvas({ rgba, width, height, label, outline, className }: RgbaCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    image.data.set(rgba.subarray(0, width * height * 4));
    ctx.putImageData(image, 0, 0);
  }, [rgba, width, height]);
  const canvas = <canvas ref={ref} width={width} height={height} className="rgba" role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true} />;
  if (!outline) return <span className={`rgba-frame ${className ?? ''}`}>{canvas}</span>;
  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  return (
    <span className={`rgba-frame ${className ?? ''}`}>
      {canvas}
      <span className="rgba-outline" aria-hidden="true" style={{
        top: pct(outline.top, height), left: pct(outline.left, width), width: pct(outline.size, width), height: pct(outline.size, height),
      }} />
    </span>
  );
}
