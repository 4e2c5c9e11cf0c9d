export * from './model';
export * from './rollup';
export * from './standards';
export * from './surveys';
