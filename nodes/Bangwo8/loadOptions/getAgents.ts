import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listAll } from '../shared/transport';

/** Active agents (isStat "1") for Create's Agents: "name (sNum)", value sId. */
export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const agents = await listAll.call(this, '/api/v1/supports.json', 'supports');
	return agents
		.filter((agent) => agent.isStat === undefined || String(agent.isStat) === '1')
		.map((agent) => ({
			name: `${String(agent.name ?? agent.sId)}${agent.sNum ? ` (${String(agent.sNum)})` : ''}`,
			value: String(agent.sId),
			description: [agent.email, agent.mobile].filter(Boolean).join(' · ') || undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
