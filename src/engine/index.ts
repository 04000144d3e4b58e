/** The engine's public surface: pure TypeScript, no DOM, no React, no worker APIs. */
export * from './tensor';
export * from './pointwise';
export * from './trace';
export * from './conv2d';
export * from './counts';
export * from './random';
export * from './activations';
export { gemmABt, gemmScratch, packB, type GemmScratch } from './gemm';
export { gemvRowsABt, gemvColsABt } from './gemv';
export * from './layerData';
export * from './symmetricEigen';
export * from './reduction';
export * from './transforms';
export * from './imageKernels';
export * from './picture';
export * from './convWindow';
export * from './networks';
