import { describe, expect, it } from 'vitest';
import { lists } from '../../src/lists/lists';
import { createMemoryStore } from '../../src/store/memory-store';
import { Conversations } from './conversations';

const user = '33333333-3333-4333-8333-333333333333';
const personal = (serviceUrl = 'https://smba.trafficmanager.net/emea/') => ({
  channelId: 'msteams', serviceUrl, conversation: { id: 'a:1abc', conversationType: 'personal', tenantId: 't1' }, user: { id: '29:1abc', aadObjectId: user },
});

describe('Conversations', () => {
  it('stores a reference once and updates it in place when it changes', async () => {
    const store = createMemoryStore(lists);
    const conversations = new Conversations({ store });
    await conversations.remember(personal(), user);
    await conversations.remember(personal(), user);
    await new Conversations({ store }).remember(personal('https://smba.trafficmanager.net/emea2/'), user);
    const items = await store.queryAll('botConversations', { filter: [{ field: 'conversationId', op: 'eq', value: 'a:1abc' }] });
    expect(items).toHaveLength(1);
    expect(items[0]?.fields).toMatchObject({ kind: 'personal', userId: user, tenantId: 't1', reference: { serviceUrl: 'https://smba.trafficmanager.net/emea2/' } });
    expect((await conversations.personalWith(user))?.serviceUrl).toBe('https://smba.trafficmanager.net/emea2/');
  });

  it('stores a channel reply thread as its channel, and a meeting chat as a meeting', async () => {
    const store = createMemoryStore(lists);
    const conversations = new Conversations({ store });
    await conversations.remember({ channelId: 'msteams', serviceUrl: 'https://x/', conversation: { id: '19:abc@thread.tacv2;messageid=1700000000000', conversationType: 'channel' } });
    await conversations.remember({ channelId: 'msteams', serviceUrl: 'https://x/', conversation: { id: '19:meeting_xyz@thread.v2', conversationType: 'groupChat' } });
    expect((await conversations.byId('19:abc@thread.tacv2'))?.conversation.id).toBe('19:abc@thread.tacv2');
    const meeting = await store.queryAll('botConversations', { filter: [{ field: 'conversationId', op: 'eq', value: '19:meeting_xyz@thread.v2' }] });
    expect(meeting[0]?.fields.kind).toBe('meeting');
  });
});
