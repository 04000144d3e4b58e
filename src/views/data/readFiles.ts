/** The student's files on the page: what a dropped array is, and saving one. (Reading goes through session/files.) */
export type Role = 'input' | 'weights' | 'bias';

/** Guesses what a dropped array is from its shape: (Cout, Cin, 1, 1) or 2-D → weights, 1-D → bias, else input. */
export function guessRole(shape: readonly number[]): Role {
  if (shape.length === 1) return 'bias';
  if (shape.length === 2) return 'weights';
  if (shape.length === 4 && shape[2] === 1 && shape[3] === 1 && shape[0]! > 1) return 'weights';
  return 'input';
}

/** Saves bytes as a file through a temporary link. */
export function download(data: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
