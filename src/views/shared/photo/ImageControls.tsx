import './photo.css';
import { useId } from 'react';
import { usePhotoT } from './text/usePhotoT';
import { PHOTOS, type PhotoId } from '../../../lib/photos';
import type { ImageSource } from '../../../store/slices/config';
import { useAppStore } from '../../../store/useAppStore';

/**
 * Which picture feeds the layer (a shipped photo, the student's picture, or seeded noise) and
 * whether its filters are learned or random, with the photo's credit.
 */
export function ImageControls() {
  const t = usePhotoT();
  const id = useId();
  const lang = useAppStore((s) => s.lang);
  const image = useAppStore((s) => s.config.image);
  const filters = useAppStore((s) => s.config.filters);
  const hasPicture = useAppStore((s) => Boolean(s.userData?.picture));
  const setConfig = useAppStore((s) => s.setConfig);
  const photo = PHOTOS.find((p) => p.id === image);
  const usesPhoto = hasPicture || image !== 'noise';
  return (
    <>
      <span className="field">
        <label htmlFor={`${id}-image`}>{t('image.label')}</label>
        <select id={`${id}-image`} value={hasPicture ? 'yours' : image}
          onChange={(e) => { if (e.target.value !== 'yours') setConfig({ image: e.target.value as ImageSource }); }}>
          {PHOTOS.map((p) => <option key={p.id} value={p.id}>{p.title[lang]}</option>)}
          <option value="noise">{t('image.noise')}</option>
          {hasPicture && <option value="yours">{t('image.yours')}</option>}
        </select>
      </span>
      <span className="field">
        <label htmlFor={`${id}-filters`}>{t('filters.mode')}</label>
        <select id={`${id}-filters`} value={usesPhoto ? filters : 'random'} disabled={!usesPhoto}
          aria-describedby={usesPhoto ? undefined : `${id}-filters-why`}
          onChange={(e) => setConfig({ filters: e.target.value === 'random' ? 'random' : 'learned' })}>
          <option value="learned">{t('filters.learned')}</option>
          <option value="random">{t('filters.random')}</option>
        </select>
      </span>
      {!usesPhoto && <span id={`${id}-filters-why`} className="hint">{t('filters.needPhoto')}</span>}
      {photo && !hasPicture && <Credit id={photo.id} />}
    </>
  );
}

function Credit({ id }: { id: PhotoId }) {
  const t = usePhotoT();
  const lang = useAppStore((s) => s.lang);
  const p = PHOTOS.find((q) => q.id === id)!;
  return <span className="credit">{t('image.credit', { title: p.title[lang], credit: p.credit, licence: t(p.licence === 'CC0' ? 'image.cc0' : 'image.pd') })}</span>;
}
