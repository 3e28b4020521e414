import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { directiveQueries, meetingQueries } from '../../api/queries';
import { useLookups } from '../../shared/hooks/use-lookups';

/** Names and choices for the filter selects and chips (units, meetings, directives, speakers). */
export function useFilterOptions() {
  const look = useLookups();
  const meetings = useQuery(meetingQueries.list());
  const directives = useQuery(directiveQueries.list());
  return useMemo(() => {
    const meetingList = meetings.data ?? [];
    const directiveList = directives.data ?? [];
    const speakers = [...new Set(directiveList.map((d) => d.speaker).filter((s): s is string => !!s))].sort(
      (a, b) => a.localeCompare(b, 'zh-CN'),
    );
    const meetingTitle = new Map(meetingList.map((m) => [m.id, `${m.date} ${m.title}`]));
    const directiveById = new Map(directiveList.map((d) => [d.id, d]));
    return {
      look,
      units: look.units,
      people: look.people,
      meetings: meetingList,
      directives: directiveList,
      speakers,
      meetingName: (id: string) => meetingTitle.get(id) ?? id,
      directiveName: (id: string) => {
        const d = directiveById.get(id);
        return d ? `${d.speaker ? `${d.speaker}：` : ''}${d.heading}` : id;
      },
    };
  }, [look, meetings.data, directives.data]);
}

export type FilterOptions = ReturnType<typeof useFilterOptions>;
