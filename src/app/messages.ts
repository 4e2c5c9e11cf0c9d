import { defineMessages } from '../shared/i18n';

export const shellMessages = defineMessages(
  {
    appTitle: '基本公共服务均等化规划监测评估',
    appSubtitle: '“十三五”（2016—2020年）',
    plan: '规划',
    navOverview: '总览',
    navCatalog: '指标目录',
    navEntry: '数据录入',
    navAssessment: '评估',
    navServices: '服务清单',
    navReports: '报告',
    navSettings: '设置',
    demoBanner: '：当前显示的是为演示生成的虚构数据，不是任何地区的真实统计数据。',
    demoBannerAction: '切换到我的数据',
    upgradeBlocked:
      '应用已在另一个标签页中升级了数据库。为避免数据冲突，本页已停止写入，请重新加载。',
    reload: '重新加载',
    updateReady: '应用已有新版本，重新加载后生效（已保存的数据不受影响）。',
    loading: '正在加载…',
    loadError: '加载失败：{message}',
    notFoundTitle: '没有这个页面',
    notFound: '地址“{path}”不是本应用的页面，可能是链接输错了或已过时。',
    errorTitle: '本页出现了意外错误',
    errorWhat:
      '这一页在显示时遇到了程序错误，没能显示出来。这是应用本身的问题，不是您的操作造成的。',
    errorDataSafe: '已保存的数据都还在：页面显示出错不会修改或删除已保存的数据。',
    errorWhatToDo:
      '可以回到总览，或重新加载本页再试。如果问题反复出现，请把下面的技术信息发给维护人员。',
    errorBack: '回到总览',
    errorDetails: '技术信息',
    builtin: '内置',
    userLoaded: '已加载',
    language: 'English',
  },
  {
    appTitle: 'Basic Public Services Equalization Plan Monitor',
    appSubtitle: '13th Five-Year Plan (2016–2020)',
    plan: 'Plan',
    navOverview: 'Overview',
    navCatalog: 'Catalog',
    navEntry: 'Data entry',
    navAssessment: 'Assessment',
    navServices: 'Service list',
    navReports: 'Reports',
    navSettings: 'Settings',
    demoBanner:
      ': synthetic figures generated for demonstration, not real statistics of any region.',
    demoBannerAction: 'Switch to my data',
    upgradeBlocked:
      'Another tab upgraded the database. This tab has stopped writing to avoid conflicts; please reload.',
    reload: 'Reload',
    updateReady:
      'A new version of the app is ready; reload to use it (saved data is not affected).',
    loading: 'Loading…',
    loadError: 'Failed to load: {message}',
    notFoundTitle: 'No such page',
    notFound:
      'The address “{path}” is not a page of this app; the link may be mistyped or out of date.',
    errorTitle: 'This page ran into an unexpected error',
    errorWhat:
      'The page failed while being drawn and could not be shown. This is a fault in the app, not something you did.',
    errorDataSafe:
      'Your saved data is all still there: a page failing to draw does not change or delete saved data.',
    errorWhatToDo:
      'Go back to the overview, or reload the page to try again. If it keeps happening, send the technical details below to whoever maintains the app.',
    errorBack: 'Back to the overview',
    errorDetails: 'Technical details',
    builtin: 'built-in',
    userLoaded: 'loaded',
    language: '中文',
  },
);
