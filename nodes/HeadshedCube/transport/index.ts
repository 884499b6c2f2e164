export { CREDENTIAL_TYPE, cubeConnection, cubeRequest, sendCubeRequest } from './request';
export { asNodeError } from './nodeError';
export { cubePaginate, cubeReadList, DEFAULT_PAGE_CONCURRENCY } from './pagination';
export type { PagedList, PaginateOptions } from './pagination';
export type { CubeContext, CubeRequest } from './types';
