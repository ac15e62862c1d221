/** Choosing among several teams: a plain GET form that keeps the week shown. */
export function TeamChooser({
  teams,
  current,
  week,
}: {
  teams: { id: string; name: string }[];
  current: string;
  week: string | undefined;
}) {
  return (
    <form className="filters cal-team" action="/calendar" method="get" aria-label="Choose the team">
      <input type="hidden" name="view" value="team" />
      {week ? <input type="hidden" name="week" value={week} /> : null}
      <div className="field">
        <label htmlFor="team">Team</label>
        <select id="team" name="team" defaultValue={current}>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <button className="button" type="submit">
        Show
      </button>
    </form>
  );
}
