import type { INodeProperties } from 'n8n-workflow';

/** blacklist/info/page: the vendor's default page is 20; 100 per page is accepted. */
export const BLACKLIST_PAGE_SIZE = 100;

// Only the shared Company, Blacklist Group and Return All / Limit (shared/pickers.ts).
export const blacklistGetAllDescription: INodeProperties[] = [];
