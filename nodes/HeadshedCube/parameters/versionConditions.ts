import type { IDisplayOptions } from 'n8n-workflow';

type Show = NonNullable<IDisplayOptions['show']>;

/** Display condition: the node's version is `version` or later. */
export const sinceVersion = (version: number): Show => ({ '@version': [{ _cnd: { gte: version } }] });

/** Display condition: the node's version is before `version`. */
export const untilVersion = (version: number): Show => ({ '@version': [{ _cnd: { lt: version } }] });
