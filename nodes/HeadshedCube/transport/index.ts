export { CREDENTIAL_TYPE, cubeConnection, cubeRequestBody, cubeSession, sendCubeRequest } from './request';
export type { CubeSession } from './request';
export { asNodeError } from './nodeError';
export { cubeProblemsOfError, isNotFoundError } from './errors';
export { cubePaginate, cubeReadList, DEFAULT_PAGE_CONCURRENCY } from './pagination';
export type { PagedList, PaginateOptions } from './pagination';
export type { CubeContext, CubeRequest } from './types';
