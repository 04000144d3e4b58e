import { useImperativeHandle, useRef, type ReactNode, type Ref } from 'react';
import { useAppStore } from '../../../store/useAppStore';
import { useT } from '../../../components/useT';

/** The readout's elements the painter writes each frame. */
export interface ReadoutRefs {
  values: HTMLCanvasElement;
  weights: HTMLCanvasElement;
  products: HTMLCanvasElement;
  terms: HTMLElement;
  result: HTMLElement;
  pixel: HTMLElement;
  valuesLabel: HTMLElement;
  weightsLabel: HTMLElement;
}

/**
 * The dot product at the lit pixel, small: the Cin input values, filter k's Cin weights and
 * their products as three strips, the first terms written out and the output y(r, c, k) the
 * engine computed. Its text is written by the painter, not rendered by React.
 */
export function DotReadout({ ref, squeeze, isClamped, children }: { ref: Ref<ReadoutRefs>; squeeze: number; isClamped: boolean; children?: ReactNode }) {
  const t = useT();
  const cin = useAppStore((s) => s.config.inChannels);
  const values = useRef<HTMLCanvasElement>(null);
  const weights = useRef<HTMLCanvasElement>(null);
  const products = useRef<HTMLCanvasElement>(null);
  const terms = useRef<HTMLSpanElement>(null);
  const result = useRef<HTMLElement>(null);
  const pixel = useRef<HTMLSpanElement>(null);
  const valuesLabel = useRef<HTMLSpanElement>(null);
  const weightsLabel = useRef<HTMLSpanElement>(null);
  useImperativeHandle(ref, () => ({
    values: values.current!, weights: weights.current!, products: products.current!, terms: terms.current!,
    result: result.current!, pixel: pixel.current!, valuesLabel: valuesLabel.current!, weightsLabel: weightsLabel.current!,
  }), []);
  const strip = (r: Ref<HTMLCanvasElement>) => <canvas className="lf-strip" width={cin} height={1} ref={r} aria-hidden="true" />;
  const n = Math.round(squeeze);
  return (
    <div className="lf-readout" data-testid="layer-readout">
      <div className="lf-strips">
        <span ref={valuesLabel} />{strip(values)}
        <span ref={weightsLabel} />{strip(weights)}
        <span>{t('layer.products')}</span>{strip(products)}
      </div>
      <p className="lf-sum"><span ref={terms} /> = <strong ref={result} data-testid="layer-result" /></p>
      <div className="lf-meta">
        {children}
        <p><span ref={pixel} />{n > 1 && <> · {t(isClamped ? 'layer.depthNoteMin' : 'layer.depthNote', { n })}</>}</p>
      </div>
    </div>
  );
}
