export { CREDENTIAL_TYPE, cubeConnection, cubeRequest, cubeSession, sendCubeRequest } from './request';
export type { CubeSession } from './request';
export { asNodeError } from './nodeError';
export { cubePaginate, DEFAULT_PAGE_CONCURRENCY } from './pagination';
export type { PaginateOptions } from './pagination';
export type { CubeContext, CubeRequest } from './types';
