// Parts of the answer checks both nodes share.
import type { NodeApiError } from 'n8n-workflow';

/** HTTP statuses of a busy or failing gateway: worth another attempt. */
export const TRANSIENT_HTTP_STATUSES = new Set([429, 502, 503, 504]);

/** Marks an answer-check error as worth another attempt (see requests.ts). */
export function markTransient<E extends NodeApiError>(error: E): E {
	error.context.transient = true;
	return error;
}

/** A short, tag-free excerpt of a body that is not JSON, for an error message. */
export function excerpt(text: string, length = 160): string {
	const plain = text
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > length ? `${plain.slice(0, length)}…` : plain;
}

export function looksLikeHtml(text: string): boolean {
	return /^\s*</.test(text);
}
