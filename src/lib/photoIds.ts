/**
 * The shipped photos' names (public/photos/<id>.jpg) and size: all the start-up code needs.
 * Titles, credits and licences are in photos.ts, loaded with the views that show them.
 */
export const PHOTO_IDS = ['chelsea', 'coffee', 'astronaut', 'rocket', 'hubble', 'retina'] as const;
export type PhotoId = (typeof PHOTO_IDS)[number];

/** Side of a shipped photo in pixels: 4 × 56, the walkthrough's map after a stride-4 first layer. */
export const PHOTO_SIZE = 224;

/** Where a shipped photo is served (relative, so the app works from any sub-path). */
export const photoUrl = (id: PhotoId): string => `./photos/${id}.jpg`;
