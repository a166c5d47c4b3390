/**
 * A minimal renderer for menu-bar element trees: expands our own function components (which use no hooks) until
 * only the mock's `MenuBarExtra` components remain, and returns plain nodes. Enough to assert which items a state
 * shows and to click them; React's renderers would add a DOM or a deprecated test renderer for no gain here.
 */
import { isValidElement, type ReactElement, type ReactNode } from "react";

export interface MenuNode {
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly children: MenuNode[];
}

type HostComponent = { hostName?: string };

function renderChildren(children: ReactNode): MenuNode[] {
  if (children === null || children === undefined || typeof children === "boolean") return [];
  if (Array.isArray(children)) return children.flatMap(renderChildren);
  if (!isValidElement(children)) throw new TypeError(`Unexpected child in a menu: ${String(children)}`);
  return [renderMenu(children)].flat();
}

export function renderMenu(element: ReactElement): MenuNode {
  const type = element.type as ((props: unknown) => ReactElement) & HostComponent;
  const props = element.props as Record<string, unknown> & { children?: ReactNode };
  if (typeof type === "function" && type.hostName === undefined) return renderMenu(type(props));
  const { children, ...rest } = props;
  return { type: type.hostName ?? String(type), props: rest, children: renderChildren(children) };
}

/** Every node of the tree, depth first. */
export function allNodes(node: MenuNode): MenuNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

/** The titles of the items directly under the top-level sections (submenus count as their title). */
export function topLevelTitles(root: MenuNode): string[] {
  return root.children.flatMap((section) => section.children.map((child) => String(child.props.title)));
}

export function findItem(root: MenuNode, title: string): MenuNode {
  const found = allNodes(root).find((node) => node.props.title === title);
  if (!found)
    throw new Error(
      `No menu item "${title}" in: ${allNodes(root)
        .map((n) => n.props.title)
        .join(", ")}`,
    );
  return found;
}

/** Clicks an item; its `onAction` must exist (an item without one is a disabled label). */
export function click(root: MenuNode, title: string): void {
  const onAction = findItem(root, title).props.onAction as ((event: { type: string }) => void) | undefined;
  if (!onAction) throw new Error(`Menu item "${title}" has no action`);
  onAction({ type: "left-click" });
}
