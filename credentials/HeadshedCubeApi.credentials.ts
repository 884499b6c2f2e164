import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { checkCubeBaseUrl, isUnderBase } from '../nodes/HeadshedCube/transport/baseUrl';

/**
 * The address a request goes to, as axios works it out: an absolute `url` (with or without a
 * scheme) is requested as it is, whatever `baseURL` says; a relative one is appended to it.
 * n8n's HTTP Request node, which can use this credential too, names the address `uri`.
 */
function requestedAddress(options: IHttpRequestOptions): string {
	const address = String(options.url ?? (options as { uri?: unknown }).uri ?? '');
	const absolute = /^([a-z][a-z\d+\-.]*:)?\/\//i.test(address);
	if (absolute || !options.baseURL) return address;
	return `${options.baseURL.replace(/\/+$/, '')}/${address.replace(/^\/+/, '')}`;
}

export class HeadshedCubeApi implements ICredentialType {
	name = 'headshedCubeApi';

	displayName = 'Headshed Cube API';

	icon: Icon = {
		light: 'file:../nodes/HeadshedCube/headshedCube.svg',
		dark: 'file:../nodes/HeadshedCube/headshedCube.dark.svg',
	};

	documentationUrl =
		'https://github.com/Headshed/cube-integration/blob/master/AuthenticationAndHeaders.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://youraccount.headshed.com',
			description:
				'The address of your Cube tenant. It must use https:// (plain http is accepted only for localhost, e.g. the Cube sandbox).',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Basic (Username and Password)',
					value: 'basic',
				},
				{
					name: 'Token',
					value: 'token',
					description: 'Recommended by Headshed. Your tenant administrator issues the token.',
				},
			],
			default: 'token',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['token'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@example.com',
			description: 'The e-mail address you log in to Cube with',
			displayOptions: { show: { authentication: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['basic'] } },
		},
	];

	/**
	 * A function rather than a generic header so that no request carries the credentials
	 * anywhere but the configured base URL, whoever built the request: the address checked is
	 * the one axios will request, and a redirect may not take the header to another host.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const check = checkCubeBaseUrl(credentials.baseUrl);
		if (!check.ok) throw new Error(check.problem);
		if (!isUnderBase(check.base, requestedAddress(requestOptions))) {
			throw new Error(
				'Refused to send Headshed Cube credentials to an address outside the configured Base URL.',
			);
		}
		const authorization =
			credentials.authentication === 'basic'
				? `Basic ${Buffer.from(`${credentials.username as string}:${credentials.password as string}`).toString('base64')}`
				: `Token ${credentials.token as string}`;
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: authorization },
			// n8n would copy the header onto a redirect to another origin, and follow-redirects
			// keeps it for a subdomain: redirects may not leave the tenant's host at all.
			sendCredentialsOnCrossOriginRedirect: false,
			allowedDomains: new URL(check.base.origin).hostname,
		};
	}

	test: ICredentialTestRequest = {
		request: {
			// The Base URL may end with the API's own /api/v1, which the path below adds again.
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "").replace(/\\/api\\/v1$/, "") }}',
			// Both generations have the campaign list; generation 2 has no assignments.
			url: '/api/v1/campaigns',
			headers: { Accept: 'application/json' },
		},
	};
}
