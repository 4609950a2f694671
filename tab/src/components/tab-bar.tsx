import {
  Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Overflow, OverflowItem, Tab, makeStyles, renderTabList_unstable,
  tokens, useIsOverflowItemVisible, useOverflowMenu, useTabListContextValues_unstable, useTabListStyles_unstable, useTabList_unstable,
  type TabListProps,
} from '@fluentui/react-components';
import type { KeyboardEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  // the bar never runs off a narrow screen: the tabs that do not fit move into "Mer"
  bar: { display: 'flex', alignItems: 'center', minWidth: 0, overflow: 'hidden', gap: tokens.spacingHorizontalXS },
  list: { minWidth: 0, flexWrap: 'nowrap' },
  wrap: { flexWrap: 'wrap' },
});

/** One tab of a bar: its value, its label, and the id of the panel it shows (when it is the selected one). */
export interface TabBarItem<V extends string> {
  value: V;
  label: string;
  id?: string;
}

/** Moves focus along the visible tabs with the arrow keys, Home and End (roving tab index). */
function handleArrowKeys(event: KeyboardEvent<HTMLElement>) {
  const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')].filter((tab) => !tab.closest('[data-overflowing]'));
  const at = tabs.findIndex((tab) => tab === document.activeElement);
  if (at < 0 || tabs.length === 0) return;
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  tabs[(next + tabs.length) % tabs.length]?.focus();
}

/**
 * Fluent's TabList without its arrow-key focus group. The group hands Tab in and out through
 * hidden focusable sentinels (`aria-hidden` and `tabindex="0"` at once, which assistive technology
 * and axe's aria-hidden-focus rule both object to); a roving tab index does the same job with the
 * tabs alone: the selected tab is in the Tab order, the arrow keys move between them.
 */
function RovingTabList(props: TabListProps) {
  const tabList = useTabList_unstable(props, null);
  const { onKeyDown } = tabList.root;
  const state = {
    ...tabList,
    root: {
      ...tabList.root,
      'data-tabster': undefined,
      onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
        onKeyDown?.(event);
        handleArrowKeys(event);
      },
    },
  };
  const contextValues = useTabListContextValues_unstable(state);
  useTabListStyles_unstable(state);
  return renderTabList_unstable(state, contextValues);
}

/** "Mer": the tabs that did not fit, as a menu that selects one. */
function MoreMenu<V extends string>(props: { items: readonly TabBarItem<V>[]; selected: V; onSelect: (value: V) => void }) {
  const { t } = useI18n();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu checkedValues={{ view: [props.selected] }} onCheckedValueChange={(_, data) => data.checkedItems[0] && props.onSelect(data.checkedItems[0] as V)}>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" aria-label={t('common.moreViews', { count: overflowCount })}>{t('common.more')}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>{props.items.map((item) => <MoreItem key={item.value} item={item} />)}</MenuList>
      </MenuPopover>
    </Menu>
  );
}

function MoreItem<V extends string>({ item }: { item: TabBarItem<V> }) {
  const visible = useIsOverflowItemVisible(item.value);
  if (visible) return null;
  return <MenuItemRadio name="view" value={item.value}>{item.label}</MenuItemRadio>;
}

/**
 * The tab bar of a page with several views: Fluent tabs that fit the width, the rest under "Mer"
 * (the selected tab always stays in view). Arrow keys move along the tabs, Enter opens one.
 */
export function TabBar<V extends string>(props: {
  items: readonly TabBarItem<V>[];
  selected: V;
  onSelect: (value: V) => void;
  /** The tab panel's id: the selected tab controls it. */
  panelId?: string;
  size?: 'small' | 'medium';
  /** A few short tabs (a filter) wrap instead of moving into "Mer". */
  wrap?: boolean;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}) {
  const styles = useStyles();
  const label = { ...(props['aria-label'] ? { 'aria-label': props['aria-label'] } : {}), ...(props['aria-labelledby'] ? { 'aria-labelledby': props['aria-labelledby'] } : {}) };
  const tab = (item: TabBarItem<V>) => (
    <Tab
      key={item.value}
      value={item.value}
      tabIndex={item.value === props.selected ? 0 : -1}
      {...(item.id ? { id: item.id } : {})}
      {...(props.panelId && item.value === props.selected ? { 'aria-controls': props.panelId } : {})}
    >
      {item.label}
    </Tab>
  );
  const list = (className: string, children: ReactNode) => (
    <RovingTabList {...label} className={className} size={props.size ?? 'medium'} selectedValue={props.selected} onTabSelect={(_, data) => props.onSelect(data.value as V)}>
      {children}
    </RovingTabList>
  );
  if (props.wrap) return list(styles.wrap, props.items.map(tab));
  return (
    <Overflow padding={48}>
      <div className={styles.bar}>
        {list(styles.list, props.items.map((item) => (
          <OverflowItem key={item.value} id={item.value} priority={item.value === props.selected ? 2 : 1}>{tab(item)}</OverflowItem>
        )))}
        <MoreMenu items={props.items} selected={props.selected} onSelect={props.onSelect} />
      </div>
    </Overflow>
  );
}
