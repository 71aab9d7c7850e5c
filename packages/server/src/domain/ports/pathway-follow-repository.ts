/** The pathways an earner chose to follow, whether or not they have made progress on them. */
export interface PathwayFollowRepository {
  /** Following a pathway already followed changes nothing. */
  follow(options: { readonly earnerId: string; readonly pathwayId: string }): Promise<void>;
  unfollow(options: { readonly earnerId: string; readonly pathwayId: string }): Promise<void>;
  /** Pathway ids, in the order they were followed. */
  list(options: { readonly earnerId: string }): Promise<string[]>;
}
