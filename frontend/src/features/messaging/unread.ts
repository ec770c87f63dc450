import { useConversations } from './conversationsStore';

export function useUnreadTotal(): number {
  const { conversations } = useConversations();
  return conversations?.reduce((sum, c) => sum + (c.unreadCount || 0), 0) ?? 0;
}
