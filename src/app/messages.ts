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
    dataVanished:
      '本机的数据库是空的，但此浏览器记得这里曾有数据：{what}（最后修改于 {time}）。数据可能已被浏览器清除。请用备份文件恢复。',
    dataVanishedRestore: '从备份恢复',
    dataVanishedDismiss: '不恢复，从空白开始',
    importInterruptedDone:
      '{what}“{file}”时页面被关闭或重新加载：{what}已在此之前全部完成，数据完整。',
    importInterruptedNone:
      '{what}“{file}”时页面被关闭或重新加载：没有写入任何内容，原有数据不变。如仍需要，请重新{what}。',
    restoring: '恢复',
    importing: '导入',
    dismiss: '知道了',
    backupDue: '距上次导出备份已 {days} 天，其间数据有修改。请导出一份备份，以防数据丢失。',
    backupNever: '已有数据 {days} 天，还没有导出过备份。请导出一份备份，以防数据丢失。',
    backupGo: '去导出备份',
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
    dataVanished:
      'The database on this computer is empty, but this browser remembers data here: {what} (last change {time}). The browser may have cleared it. Restore it from a backup file.',
    dataVanishedRestore: 'Restore from a backup',
    dataVanishedDismiss: 'Do not restore; start empty',
    importInterruptedDone:
      'The page was closed or reloaded while {what} “{file}”: it had completed in full; the data is complete.',
    importInterruptedNone:
      'The page was closed or reloaded while {what} “{file}”: nothing was written and the data is unchanged. Try again if needed.',
    restoring: 'restoring',
    importing: 'importing',
    dismiss: 'OK',
    backupDue:
      'The last backup is {days} days old and the data has changed since. Export a backup so nothing is lost.',
    backupNever:
      'There has been data here for {days} days and no backup yet. Export a backup so nothing is lost.',
    backupGo: 'Export a backup',
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
