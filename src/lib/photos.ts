/**
 * The photos that ship with the app (public/photos/, made by scripts/photos.ts from
 * scikit-image's sample data as Debian packages it). Each licence was read in
 * skimage/data/_fetchers.py; the page and the README credit them.
 */

import { PHOTO_IDS, type PhotoId } from './photoIds';

export { PHOTO_IDS, PHOTO_SIZE, photoUrl, type PhotoId } from './photoIds';

export interface Photo {
  /** Name in the URL (`img=`) and file name (public/photos/<id>.jpg). */
  readonly id: PhotoId;
  /** File in skimage/data. */
  readonly source: string;
  /** Square taken from the source before scaling. */
  readonly crop: { readonly x: number; readonly y: number; readonly side: number };
  readonly title: { readonly en: string; readonly ko: string };
  /** Who made it and under which terms, as _fetchers.py states. */
  readonly credit: string;
  readonly licence: 'CC0' | 'public domain';
}

export const PHOTOS = [
  {
    id: 'chelsea', source: 'chelsea.png', crop: { x: 76, y: 0, side: 300 },
    title: { en: 'Chelsea the cat', ko: '고양이 첼시' }, credit: 'Stefan van der Walt', licence: 'CC0',
  },
  {
    id: 'coffee', source: 'coffee.png', crop: { x: 100, y: 0, side: 400 },
    title: { en: 'Coffee cup', ko: '커피잔' }, credit: 'Rachel Michetti (Pikolo Espresso Bar)', licence: 'CC0',
  },
  {
    id: 'astronaut', source: 'astronaut.png', crop: { x: 0, y: 0, side: 512 },
    title: { en: 'Astronaut Eileen Collins', ko: '우주비행사 아일린 콜린스' }, credit: 'NASA', licence: 'public domain',
  },
  {
    id: 'rocket', source: 'rocket.jpg', crop: { x: 106, y: 0, side: 427 },
    title: { en: 'Falcon 9 launch', ko: '팰컨 9 발사' }, credit: 'SpaceX', licence: 'public domain',
  },
  {
    id: 'hubble', source: 'hubble_deep_field.jpg', crop: { x: 64, y: 0, side: 872 },
    title: { en: 'Hubble eXtreme Deep Field', ko: '허블 익스트림 딥 필드' }, credit: 'NASA', licence: 'public domain',
  },
  {
    id: 'retina', source: 'retina.jpg', crop: { x: 0, y: 0, side: 1411 },
    title: { en: 'Human retina', ko: '사람의 망막' }, credit: 'Mikael Häggström (Wikimedia Commons)', licence: 'CC0',
  },
] as const satisfies readonly Photo[];

// Every id has its photo, in the same order.
if (PHOTOS.map((p) => p.id).join() !== PHOTO_IDS.join()) throw new Error('PHOTOS and PHOTO_IDS disagree');
