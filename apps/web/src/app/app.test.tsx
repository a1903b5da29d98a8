import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SESSION_STORAGE_KEY, startSession } from '../lib/auth-store';
import { buildLoginResponse, buildMe, buildProvince, buildUnitListItem } from '../test/builders';
import { json, mockApi, type RecordedRequest } from '../test/mock-api';
import { openUrl, renderApp } from '../test/render-app';

const PROVINCES = [buildProvince({ code: 'HUE', name: 'Thành phố Huế', kind: 'thanh_pho' })];
const HUONG_TRA = buildUnitListItem({ name: 'Hương Trà', type: 'thi_xa', provinceCode: 'HUE' });

const UNAUTHORIZED = {
  code: 'unauthorized',
  message: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn.',
};

async function signIn(user: UserEvent, username: string, password: string): Promise<void> {
  await user.type(await screen.findByLabelText('Tên đăng nhập'), username);
  await user.type(screen.getByLabelText('Mật khẩu'), password);
  await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

function bearer(request: RecordedRequest | undefined): string | null {
  return request?.headers.get('Authorization') ?? null;
}

describe('signing in', () => {
  it("shows the server's Vietnamese message when the credentials are refused", async () => {
    const api = mockApi({
      'POST /api/auth/login': () =>
        json(
          { code: 'invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
          401,
        ),
    });
    const user = userEvent.setup();
    renderApp();

    await signIn(user, 'chuyenvien.hue', 'sai-mat-khau');

    expect(await screen.findByText('Tên đăng nhập hoặc mật khẩu không đúng.')).toBeTruthy();
    const [request] = api.requestsTo('POST /api/auth/login');
    expect(request?.body).toEqual({ username: 'chuyenvien.hue', password: 'sai-mat-khau' });
    expect(bearer(request)).toBeNull();
    // Still on the login screen, nothing stored, and no "session expired" notice for a wrong password.
    expect(screen.queryByRole('button', { name: 'Đăng xuất' })).toBeNull();
    expect(screen.queryByText(/Phiên đăng nhập đã hết hạn/)).toBeNull();
    expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('shows the user in the header, sends the token, and signs out', async () => {
    const login = buildLoginResponse({
      user: buildMe({
        displayName: 'Nguyễn Thị Lan',
        role: 'reviewer',
        scope: { provinces: ['HNI', 'HUE'], unitId: null },
      }),
    });
    const api = mockApi({
      'POST /api/auth/login': () => json(login),
      'GET /api/auth/me': () => json(login.user),
      'GET /api/units': () => json([HUONG_TRA]),
      'GET /api/provinces': () => json(PROVINCES),
    });
    const user = userEvent.setup();
    renderApp();

    await signIn(user, 'lan.nt', 'dung-mat-khau');

    const header = within(await screen.findByRole('group', { name: 'Người dùng' }));
    expect(header.getByText('Nguyễn Thị Lan')).toBeTruthy();
    expect(header.getByText('Chuyên viên thẩm định')).toBeTruthy();
    expect(header.getByText('HNI, HUE')).toBeTruthy();
    expect(await screen.findByText('thị xã Hương Trà')).toBeTruthy();
    expect(window.location.pathname).toBe('/units');
    expect(bearer(api.requestsTo('GET /api/units').at(-1))).toBe(`Bearer ${login.accessToken}`);

    await user.click(header.getByRole('button', { name: 'Đăng xuất' }));

    expect(await screen.findByRole('button', { name: 'Đăng nhập' })).toBeTruthy();
    expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});

describe('a refused token', () => {
  it.each(['GET /api/auth/me', 'GET /api/units'])(
    'on %s returns to the login screen at the same URL, and back to the same view after signing in',
    async (refusedRoute) => {
      const stale = startSession(buildLoginResponse({ accessToken: 'stale-token' }));
      const fresh = buildLoginResponse({ accessToken: 'fresh-token' });
      // The server refuses the stale token on one route; everything else answers normally.
      const refuseStale =
        (route: string, answer: () => ReturnType<typeof json>) => (request: RecordedRequest) =>
          route === refusedRoute && bearer(request) === 'Bearer stale-token'
            ? json(UNAUTHORIZED, 401)
            : answer();
      const api = mockApi({
        'POST /api/auth/login': () => json(fresh),
        'GET /api/auth/me': refuseStale('GET /api/auth/me', () => json(stale.user)),
        'GET /api/units': refuseStale('GET /api/units', () => json([HUONG_TRA])),
        'GET /api/provinces': () => json(PROVINCES),
      });
      const user = userEvent.setup();
      openUrl('/units?province=HUE&q=huong');
      renderApp();

      expect(
        await screen.findByText('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại để tiếp tục.'),
      ).toBeTruthy();
      expect(screen.getByLabelText('Tên đăng nhập')).toBeTruthy();
      expect(window.localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
      expect(`${window.location.pathname}${window.location.search}`).toBe(
        '/units?province=HUE&q=huong',
      );
      expect(bearer(api.requestsTo(refusedRoute)[0])).toBe('Bearer stale-token');

      await signIn(user, 'lan.nt', 'dung-mat-khau');

      expect(await screen.findByText('thị xã Hương Trà')).toBeTruthy();
      expect(`${window.location.pathname}${window.location.search}`).toBe(
        '/units?province=HUE&q=huong',
      );
      await waitFor(() => {
        const last = api.requestsTo('GET /api/units').at(-1);
        expect(bearer(last)).toBe('Bearer fresh-token');
        expect(last?.url.searchParams.get('province')).toBe('HUE');
        expect(last?.url.searchParams.get('q')).toBe('huong');
      });
    },
  );
});

describe('a stored session past its lifetime', () => {
  it('is not used: the login screen says it expired and no request carries the token', async () => {
    const api = mockApi({ 'GET /api/auth/me': () => json(UNAUTHORIZED, 401) });
    window.localStorage.setItem(
      SESSION_STORAGE_KEY,
      JSON.stringify({ accessToken: 'old-token', expiresAt: Date.now() - 1000, user: buildMe() }),
    );
    renderApp();

    expect(
      await screen.findByText('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại để tiếp tục.'),
    ).toBeTruthy();
    expect(api.requests.some((request) => bearer(request) !== null)).toBe(false);
  });
});

describe('navigation by role', () => {
  it('takes commune staff to their overview, with their menu', async () => {
    const staff = buildMe({ role: 'commune_staff', scope: { provinces: null, unitId: 'o-dien' } });
    startSession(buildLoginResponse({ user: staff }));
    mockApi({
      'GET /api/auth/me': () => json(staff),
      'GET /api/units/o-dien': () =>
        json(buildUnitListItem({ id: 'o-dien', name: 'Ô Diên', provinceCode: 'HNI' })),
      'GET /api/provinces': () => json(PROVINCES),
      'GET /api/indicators': () => json([]),
      'GET /api/rankings': () => json({ code: 'forbidden', message: 'x' }, 403),
      'GET /api/comparisons': () => json({ period: '2026', units: [], rows: [] }),
    });
    renderApp();

    await waitFor(() => expect(window.location.pathname).toBe('/overview'));
    const menu = within(screen.getByRole('menu', { name: 'Trang' }));
    const items = menu.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items).toEqual(['Tổng quan', 'Xếp hạng', 'Kế hoạch', 'Kết quả', 'Đơn vị']);
    expect(await screen.findByText('Tổng quan — xã Ô Diên')).toBeTruthy();
  });

  it('shows reviewers the comparison menu, and refuses a page that is not for their role', async () => {
    const reviewer = buildMe({ role: 'reviewer', scope: { provinces: ['HNI'], unitId: null } });
    startSession(buildLoginResponse({ user: reviewer }));
    mockApi({ 'GET /api/auth/me': () => json(reviewer) });
    openUrl('/overview');
    renderApp();

    expect(await screen.findByText('Trang này không dành cho vai trò của bạn')).toBeTruthy();
    const menu = within(screen.getByRole('menu', { name: 'Trang' }));
    expect(menu.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'So sánh',
      'Xếp hạng',
      'Kế hoạch',
      'Kết quả',
      'Đơn vị',
    ]);
  });
});
